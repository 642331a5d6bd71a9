// Every unit test reads texts from the English catalogue: WXT's fake browser throws on
// i18n.getMessage, so it gets one that reads locales/en.yml as the built extension would.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessages, getMessageFrom } from './catalogue';

fakeBrowser.i18n.getMessage = getMessageFrom(await englishMessages());
