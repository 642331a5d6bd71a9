// The people shown on the demo partner pages, and how each one exists in the sandbox's GHL data.
// The sandbox seeds them into the first location; the demo pages under sandbox/partners/ show them.
// `inGhl` says by which key the GHL contact can be found:
//   email    – the GHL contact has this email (and name, phone, company as given)
//   phone    – the GHL contact has only this phone (no email in GHL)
//   linkedin – the GHL contact has only the LinkedIn URL (in `website`), no email or phone
//   missing  – there is no GHL contact for this person
export type PartnerSite = 'heygen' | 'heyreach' | 'helloleads' | 'sproutvideo';
export type GhlPresence = 'email' | 'phone' | 'linkedin' | 'missing';

export interface PartnerPerson {
  site: PartnerSite;
  firstName: string;
  lastName: string;
  email?: string; // lowercase
  phone?: string; // E.164
  linkedin?: string; // https://www.linkedin.com/in/<slug>
  company?: string;
  title?: string;
  inGhl: GhlPresence;
  /** tags the GHL contact carries (ignored when missing) */
  tags: string[];
}

export const partnerPeople: PartnerPerson[] = [
  // HeyReach: LinkedIn outreach, keyed by LinkedIn URL, email often missing
  { site: 'heyreach', firstName: 'Maya', lastName: 'Okafor', linkedin: 'https://www.linkedin.com/in/maya-okafor', email: 'maya.okafor@brightpath.io', company: 'BrightPath', title: 'Head of Growth', inGhl: 'email', tags: ['linkedin-lead', 'warm'] },
  { site: 'heyreach', firstName: 'Lukas', lastName: 'Brenner', linkedin: 'https://www.linkedin.com/in/lukasbrenner', company: 'Nordwerk GmbH', title: 'CTO', inGhl: 'linkedin', tags: ['linkedin-lead'] },
  { site: 'heyreach', firstName: 'Priya', lastName: 'Raman', linkedin: 'https://www.linkedin.com/in/priya-raman-3b2a1', company: 'Tessel Labs', title: 'VP Marketing', inGhl: 'linkedin', tags: ['linkedin-lead', 'webinar'] },
  { site: 'heyreach', firstName: 'Diego', lastName: 'Santos', linkedin: 'https://www.linkedin.com/in/diegosantos', email: 'diego@lumacraft.co', company: 'LumaCraft', title: 'Founder', inGhl: 'email', tags: ['customer'] },
  { site: 'heyreach', firstName: 'Hannah', lastName: 'Whitfield', linkedin: 'https://www.linkedin.com/in/hannah-whitfield', company: 'Orbital Freight', title: 'Operations Director', inGhl: 'missing', tags: [] },
  { site: 'heyreach', firstName: 'Kenji', lastName: 'Watanabe', linkedin: 'https://www.linkedin.com/in/kenji-watanabe-jp', company: 'Sora Analytics', title: 'Data Lead', inGhl: 'missing', tags: [] },
  // HelloLeads: lead capture, email then mobile
  { site: 'helloleads', firstName: 'Amelia', lastName: 'Clarke', email: 'amelia.clarke@harbourdental.com', phone: '+14155550134', company: 'Harbour Dental', title: 'Practice Manager', inGhl: 'email', tags: ['expo-2026', 'hot'] },
  { site: 'helloleads', firstName: 'Rahul', lastName: 'Mehta', phone: '+919820012345', company: 'Mehta Exports', title: 'Director', inGhl: 'phone', tags: ['expo-2026'] },
  { site: 'helloleads', firstName: 'Sofia', lastName: 'Lindqvist', email: 'sofia@nordicbloom.se', phone: '+46701234567', company: 'Nordic Bloom', title: 'Buyer', inGhl: 'email', tags: ['wholesale'] },
  { site: 'helloleads', firstName: 'Tom', lastName: 'Becker', phone: '+4915112345678', company: 'Becker Bau', title: 'Owner', inGhl: 'phone', tags: ['callback'] },
  { site: 'helloleads', firstName: 'Grace', lastName: 'Mwangi', email: 'grace.mwangi@savannahsolar.co.ke', phone: '+254712345678', company: 'Savannah Solar', title: 'Procurement Lead', inGhl: 'missing', tags: [] },
  { site: 'helloleads', firstName: 'Oliver', lastName: 'Dupont', email: 'o.dupont@atelier-dupont.fr', company: 'Atelier Dupont', title: 'Gérant', inGhl: 'missing', tags: [] },
  // SproutVideo: viewers and logins, email only
  { site: 'sproutvideo', firstName: 'Emily', lastName: 'Nguyen', email: 'emily.nguyen@crestview.edu', company: 'Crestview College', inGhl: 'email', tags: ['video-viewer', 'course-a'] },
  { site: 'sproutvideo', firstName: 'Marcus', lastName: 'Reid', email: 'marcus.reid@fieldstone.com', company: 'Fieldstone', inGhl: 'email', tags: ['video-viewer'] },
  { site: 'sproutvideo', firstName: 'Isabel', lastName: 'Ferreira', email: 'isabel.ferreira@vivamed.pt', company: 'VivaMed', inGhl: 'email', tags: ['webinar'] },
  { site: 'sproutvideo', firstName: 'Noah', lastName: 'Goldberg', email: 'noah@goldbergcpa.com', company: 'Goldberg CPA', inGhl: 'missing', tags: [] },
  { site: 'sproutvideo', firstName: 'Chloe', lastName: 'Martin', email: 'chloe.martin@peakfit.ca', company: 'PeakFit', inGhl: 'missing', tags: [] },
  // HeyGen: personalized-video recipients, emails and first names
  { site: 'heygen', firstName: 'Ava', lastName: 'Thompson', email: 'ava.thompson@northwind.com', company: 'Northwind Traders', title: 'Account Executive', inGhl: 'email', tags: ['video-campaign', 'q4'] },
  { site: 'heygen', firstName: 'Ethan', lastName: 'Kowalski', email: 'ethan.k@bluepeak.dev', company: 'BluePeak', title: 'Engineering Manager', inGhl: 'email', tags: ['video-campaign'] },
  { site: 'heygen', firstName: 'Zara', lastName: 'Ahmed', email: 'zara.ahmed@lumenhealth.org', phone: '+442079460123', company: 'Lumen Health', title: 'Partnerships', inGhl: 'phone', tags: ['partner'] },
  { site: 'heygen', firstName: 'Liam', lastName: 'O’Brien', email: 'liam.obrien@greenleafco.ie', company: 'Greenleaf & Co', title: 'Sales Director', inGhl: 'missing', tags: [] },
  { site: 'heygen', firstName: 'Mia', lastName: 'Rossi', email: 'mia.rossi@studiorossi.it', company: 'Studio Rossi', title: 'Creative Director', inGhl: 'missing', tags: [] },
];
