export { navigate, useLocation, addNavigationGuard, type AppLocation } from './history';
export { Link, type LinkProps } from './Link';
export { matchRoute, safeNext, flowPath, loginPath, type Route } from './routes';
