// The form's notice ("Hannah Whitfield was created in GHL.") is about its contact: it stays while
// that contact is shown, and goes once the user moves on to another; any other notice (a pick's,
// a selection's) is left to its own rules.
import { describe, expect, it } from 'vitest';
import { useContact } from '@/components/state/contact';
import { useFind } from '@/components/state/find';

const created = 'Hannah Whitfield was created in GHL.';

describe('the notice of a contact created or found by the form', () => {
  it('stays while its contact is shown and goes with the next person', () => {
    useContact.setState({ contactId: 'c-hannah' });
    useFind.setState({ notice: created, noticeFor: { contactId: 'c-hannah', notice: created } });
    useContact.setState({ contactId: 'c-hannah', writeError: undefined }); // the same contact drawn again
    expect(useFind.getState().notice).toBe(created);
    useContact.setState({ contactId: 'c-diego' });
    expect(useFind.getState().notice).toBeUndefined();
  });

  it('leaves a later notice of another kind alone', () => {
    useContact.setState({ contactId: 'c-hannah' });
    useFind.setState({ notice: 'Click the person to read.', noticeFor: { contactId: 'c-hannah', notice: created } });
    useContact.setState({ contactId: 'c-diego' });
    expect(useFind.getState().notice).toBe('Click the person to read.');
  });
});
