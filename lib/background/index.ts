// The background's wiring only: the router (sender checks, errors as values), one table from each
// message to the domain function that answers it, the connections' services, how the sidebar
// opens (the shortcuts, the toolbar button, the options on install) and the context menu.
export { createHandlers, forgetClosedTabs } from './handlers';
export { dispatch, registerHandlers, toUserError, type Caller, type Handlers } from './router';
export { locationServices, type LocationServices, type LocationServicesRegistry } from './connections';
export { QUICK_TAG_COMMAND, listenForShortcuts, listenForToolbarButton, onCommand, onToolbarClick, openOptionsOnInstall, openSidebar } from './shortcut';
export { MENU_ITEMS, askFor, listenForContextMenu, onMenuClick } from './context-menu';
