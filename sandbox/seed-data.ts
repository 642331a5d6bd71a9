// Catalogues the seed draws from: names, companies, places, job titles, tags, task/note/appointment texts.
// All companies, domains and people are invented.

export const firstNames = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Henry',
  'Amelia', 'Alexander', 'Harper', 'Benjamin', 'Evelyn', 'Daniel', 'Abigail', 'Matthew', 'Charlotte', 'Samuel',
  'Aisha', 'Omar', 'Fatima', 'Yusuf', 'Layla', 'Hassan', 'Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram',
  'Mei', 'Wei', 'Hiroshi', 'Yuki', 'Sakura', 'Jin', 'Min-jun', 'Seo-yeon', 'Carlos', 'Sofía', 'Mateo', 'Valentina',
  'Diego', 'Camila', 'Luis', 'Gabriela', 'Jonas', 'Lena', 'Felix', 'Mila', 'Lars', 'Ingrid', 'Nils', 'Astrid',
  'Pierre', 'Camille', 'Louis', 'Chloé', 'Marco', 'Giulia', 'Luca', 'Francesca', 'Kwame', 'Amara', 'Chidi', 'Zanele',
  'Thabo', 'Nia', 'Connor', 'Siobhan', 'Declan', 'Aoife', 'Grace', 'Ethan', 'Ruby', 'Jack', 'Zoe', 'Oscar',
];

export const lastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
  'Khan', 'Patel', 'Sharma', 'Iyer', 'Reddy', 'Chen', 'Wang', 'Li', 'Zhang', 'Tanaka', 'Suzuki', 'Sato', 'Kim',
  'Park', 'Nguyen', 'Tran', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Andersson', 'Johansson',
  'Nilsen', 'Dubois', 'Moreau', 'Laurent', 'Rossi', 'Russo', 'Bianchi', 'Silva', 'Santos', 'Oliveira', 'Mensah',
  'Okonkwo', 'Adeyemi', 'Dlamini', 'Murphy', 'Kelly', 'O’Connor', 'Byrne', 'Walsh', 'MacDonald', 'Campbell',
];

/** name, domain, industry */
export const companies: [string, string][] = [
  ['Acorn Ridge Consulting', 'acornridge.com'], ['Bluewater Logistics', 'bluewaterlogistics.com'], ['Cedar & Pine Interiors', 'cedarpine.design'],
  ['Driftwood Coffee Co', 'driftwoodcoffee.co'], ['Ember Analytics', 'emberanalytics.io'], ['Foxglove Florists', 'foxgloveflorists.com'],
  ['Granite Peak Fitness', 'granitepeakfit.com'], ['Harborline Insurance', 'harborline-ins.com'], ['Ironclad Roofing', 'ironcladroofing.net'],
  ['Juniper Wellness', 'juniperwellness.co'], ['Keystone Legal', 'keystonelegal.law'], ['Lighthouse Dental', 'lighthousedental.com'],
  ['Maple Street Bakery', 'maplestreetbakery.com'], ['Northgate Solar', 'northgatesolar.com'], ['Oakhurst Realty Group', 'oakhurstrealty.com'],
  ['Pioneer HVAC', 'pioneerhvac.com'], ['Quarry Lane Studios', 'quarrylane.studio'], ['Riverbend Veterinary', 'riverbendvet.com'],
  ['Summit Ridge Capital', 'summitridgecap.com'], ['Tidewater Marine', 'tidewatermarine.com'], ['Upland Coffee Roasters', 'uplandroasters.com'],
  ['Vantage Point Media', 'vantagepointmedia.co'], ['Willowbrook Academy', 'willowbrook.edu'], ['Yellowstone Outfitters', 'ys-outfitters.com'],
  ['Zenith Software', 'zenithsoft.io'], ['Alder & Finch', 'alderfinch.com'], ['Brightline Physio', 'brightlinephysio.com'],
  ['Copperleaf Accounting', 'copperleafcpa.com'], ['Dunmore Motors', 'dunmoremotors.co.uk'], ['Elbe Maschinenbau', 'elbe-maschinen.de'],
  ['Fjord Design', 'fjorddesign.no'], ['Garnet Hotels', 'garnethotels.com'], ['Hollis & Reed', 'hollisreed.co.uk'],
  ['Indigo Yoga Studio', 'indigoyoga.com.au'], ['Jasper Tech Solutions', 'jaspertech.in'], ['Kestrel Aviation', 'kestrelaviation.com'],
  ['Larkspur Events', 'larkspurevents.com'], ['Meridian Health', 'meridianhealth.org'], ['Nimbus Cloud Services', 'nimbuscloud.io'],
  ['Orchard Family Dentistry', 'orcharddentistry.com'], ['Parkside Pediatrics', 'parksidepeds.com'], ['Quill & Ink Publishing', 'quillink.pub'],
  ['Redwood Landscaping', 'redwoodlandscaping.com'], ['Silverline Plumbing', 'silverlineplumbing.com'], ['Trillium Financial', 'trilliumfinancial.ca'],
  ['Umbra Architecture', 'umbra-arch.fr'], ['Verde Organics', 'verdeorganics.es'], ['Westfield Auto Body', 'westfieldautobody.com'],
  ['Atlas Movers', 'atlasmovers.com.au'], ['Beacon Learning', 'beaconlearning.org'], ['Cobalt Security', 'cobaltsecurity.io'],
  ['Delta Dental Lab', 'deltadentallab.de'], ['Evergreen Property Mgmt', 'evergreenpm.com'], ['Falcon Freight', 'falconfreight.in'],
];

export const freeMail = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.co.uk', 'web.de'];

/** Phone patterns use '#' for a random digit (mostly reserved fictional ranges); cities are [city, state, postal]. */
export interface CountryInfo {
  country: string;
  prefix: string;
  patterns: string[];
  timezone: string;
  cities: [string, string, string][];
}
export const countries: { weight: number; info: CountryInfo }[] = [
  { weight: 50, info: { country: 'US', prefix: '+1', patterns: ['415555####', '312555####', '646555####', '512555####', '206555####', '305555####'], timezone: 'America/New_York', cities: [['Austin', 'TX', '78701'], ['Chicago', 'IL', '60601'], ['Seattle', 'WA', '98101'], ['Miami', 'FL', '33130'], ['Brooklyn', 'NY', '11201'], ['Denver', 'CO', '80202'], ['San Diego', 'CA', '92101']] } },
  { weight: 12, info: { country: 'GB', prefix: '+44', patterns: ['7700900###', '2079460###', '1632960###'], timezone: 'Europe/London', cities: [['London', 'England', 'EC1A 1BB'], ['Manchester', 'England', 'M1 1AE'], ['Leeds', 'England', 'LS1 4AP'], ['Edinburgh', 'Scotland', 'EH1 1YZ']] } },
  { weight: 8, info: { country: 'CA', prefix: '+1', patterns: ['416555####', '604555####', '514555####'], timezone: 'America/Toronto', cities: [['Toronto', 'ON', 'M5H 2N2'], ['Vancouver', 'BC', 'V6B 1A1'], ['Montreal', 'QC', 'H2Y 1C6']] } },
  { weight: 8, info: { country: 'AU', prefix: '+61', patterns: ['491570###', '491571###', '255501###'], timezone: 'Australia/Sydney', cities: [['Sydney', 'NSW', '2000'], ['Melbourne', 'VIC', '3000'], ['Brisbane', 'QLD', '4000']] } },
  { weight: 8, info: { country: 'DE', prefix: '+49', patterns: ['1521555####', '30901820##', '8912345###'], timezone: 'Europe/Berlin', cities: [['Berlin', 'BE', '10115'], ['Munich', 'BY', '80331'], ['Hamburg', 'HH', '20095']] } },
  { weight: 8, info: { country: 'IN', prefix: '+91', patterns: ['98200#####', '99870#####', '80470#####'], timezone: 'Asia/Kolkata', cities: [['Mumbai', 'MH', '400001'], ['Bengaluru', 'KA', '560001'], ['Pune', 'MH', '411001']] } },
  { weight: 6, info: { country: 'FR', prefix: '+33', patterns: ['6120#####', '1409#####'], timezone: 'Europe/Paris', cities: [['Paris', 'IDF', '75001'], ['Lyon', 'ARA', '69001'], ['Bordeaux', 'NAQ', '33000']] } },
];

export const streets = ['Main St', 'Oak Ave', 'Maple Dr', 'Harbor Rd', 'Cedar Ln', 'High Street', 'King St W', 'Elm Court', 'Station Rd', 'Park Blvd'];

export const jobTitles = [
  'Owner', 'Founder', 'CEO', 'Marketing Manager', 'Office Manager', 'Sales Director', 'Head of Growth', 'Operations Lead',
  'Practice Manager', 'Account Executive', 'Procurement Manager', 'Product Manager', 'CFO', 'HR Generalist', 'Consultant',
  'Agent', 'Broker', 'Property Manager', 'Customer Success Manager', 'Engineering Manager',
];

export const tagCatalogue: Record<'agency' | 'realty', string[]> = {
  agency: [
    'lead', 'prospect', 'customer', 'warm', 'hot', 'cold', 'newsletter', 'webinar', 'linkedin-lead', 'video-viewer',
    'course-a', 'video-campaign', 'q4', 'partner', 'expo-2026', 'wholesale', 'callback', 'vip', 'churn-risk', 'referral',
    'demo-booked', 'trial', 'invoice-overdue',
  ],
  realty: [
    'buyer', 'seller', 'open-house', 'pre-approved', 'first-time-buyer', 'investor', 'rental', 'listing-2026', 'hot',
    'cold', 'newsletter', 'vip', 'referral', 'relocation', 'downsizing',
  ],
};

export const sources = ['public api', 'form', 'facebook', 'linkedin', 'import', 'website chat', 'referral', 'calendar'];

export const taskTitles = [
  'Call back about proposal', 'Send pricing sheet', 'Follow up on demo', 'Confirm onboarding date', 'Check in after trial',
  'Prepare contract', 'Schedule quarterly review', 'Send case study', 'Ask for referral', 'Collect testimonial',
  'Share listing packet', 'Arrange viewing', 'Request pre-approval letter',
];

export const taskBodies = [
  'Mentioned budget approval happens end of month.', 'Prefers email over phone.', 'Wants to loop in their finance lead.',
  'Asked about annual billing discount.', 'Interested in the premium tier.', 'Follow up Tuesday morning their time.',
];

export const noteTitles = ['Call summary', 'Meeting notes', 'Discovery call', 'Voicemail', 'Intro email', 'Site visit'];

export const noteBodies = [
  'Spoke for 15 minutes. Main pain point is lead follow-up speed; they lose deals after 48h.',
  'Left a voicemail, will try again Thursday.',
  'Asked for a quote by Friday. Decision maker is the owner.',
  'Currently using spreadsheets, open to switching this quarter.',
  'Very positive about the demo; wants a second session with the team.',
  'Renewal coming up in 60 days. Happy overall, asked about reporting.',
  'Met at the expo booth, scanned badge. Interested in automation.',
  'Referred by an existing customer. Warm intro.',
];

export const noteColors = ['#FFAA00', '#4CAF50', '#2196F3', '#E91E63'];

export const appointmentTitles = ['Discovery call', 'Product demo', 'Strategy session', 'Onboarding kickoff', 'Quarterly review', 'Property viewing'];

export const userSeeds: Record<'agency' | 'realty', [string, string, 'admin' | 'user'][]> = {
  agency: [['Jordan', 'Blake', 'admin'], ['Priyanka', 'Desai', 'user'], ['Marcus', 'Lindgren', 'user'], ['Tessa', 'Moreno', 'user']],
  realty: [['Dana', 'Whitaker', 'admin'], ['Luis', 'Ortega', 'user'], ['Hana', 'Kobayashi', 'user']],
};
