// The background's wiring only: the router (sender checks, errors as values), one table from each
// message to the domain function that answers it, the connections' services, and how the sidebar
// opens (the shortcut, the toolbar button, the options on install).
export { createHandlers, forgetClosedTabs } from './handlers';
export { dispatch, registerHandlers, toUserError, type Caller, type Handlers } from './router';
export { locationServices, type LocationServices, type LocationServicesRegistry } from './connections';
export { QUICK_TAG_COMMAND, listenForQuickTag, listenForToolbarButton, onCommand, onToolbarClick, openOptionsOnInstall, openSidebar } from './shortcut';
