export { navigate, useLocation, addNavigationGuard, type AppLocation } from './history';
export { Link, type LinkProps } from './Link';
export { matchRoute, safeNext, flowPath, analyticsPath, reviewPath, loginPath, type Route } from './routes';
