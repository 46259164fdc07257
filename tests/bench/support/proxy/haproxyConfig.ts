/**
 * The HAProxy configuration README's deployment section documents, as a function of what differs
 * between a deployment and the capacity bench: where it listens, the instances, and lines only the
 * bench needs (its stats socket). tests/unit/docs/readmeHaproxy.test.ts checks that README's
 * example is this text with README's addresses, so the config the bench runs is the documented one.
 */
export interface HaproxyConfigParams {
  /** The `bind` arguments: `:443 ssl crt …` in a deployment, a loopback port in the bench. */
  bind: string;
  /** host:port of each instance, in order; they are named a, b, c… */
  instances: string[];
  /** Connections HAProxy accepts at once; the bench lowers it to what its open-files limit allows. */
  maxconn?: number;
  /** Extra `global` lines (the bench's stats socket). */
  globalExtra?: string[];
}

/** README's maxconn: room for 15,000+ open sockets. */
export const HAPROXY_MAXCONN = 40_000;

/** HAProxy's open files for `maxconn` connections: one each side, and a few of its own (checks, listeners, stats). */
export const haproxyFilesFor = (maxconn: number) => 2 * maxconn + 100;

export function haproxyConfig(p: HaproxyConfigParams): string {
  const maxconn = p.maxconn ?? HAPROXY_MAXCONN;
  const names = 'abcdefghijklmnopqrstuvwxyz';
  if (p.instances.length === 0 || p.instances.length > names.length) throw new Error(`1 to ${names.length} instances, not ${p.instances.length}`);
  return [
    'global',
    '    # Widget and inbox sockets stay open: room for 15,000+ of them. Started as root, HAProxy',
    '    # raises its own open-files limit to fit (two per connection: client side, instance side),',
    '    # then drops to the haproxy user.',
    `    maxconn ${maxconn}`,
    '    user haproxy',
    '    group haproxy',
    ...(p.globalExtra ?? []).map((l) => `    ${l}`),
    '',
    'defaults',
    '    mode http',
    `    maxconn ${maxconn}`,
    '    option forwardfor',
    '    timeout connect 5s',
    '    timeout http-request 10s',
    '    timeout client 75s',
    '    timeout server 75s',
    '    # A WebSocket (widget, inbox) is a tunnel after the upgrade; instances ping it every 30 s.',
    '    timeout tunnel 75s',
    '    # A stopping instance has closed its port: a connection it refuses goes to another one.',
    '    retries 3',
    '    option redispatch 1',
    '',
    'frontend switchboard',
    `    bind ${p.bind}`,
    '    http-request set-header X-Forwarded-Proto https if { ssl_fc }',
    '    default_backend instances',
    '',
    'backend instances',
    '    # No sticky sessions: each request and each socket goes to the next instance in turn.',
    '    balance roundrobin',
    '    # An instance that is stopping or has lost Redis answers 503 here and is taken out after',
    '    # two failed checks (one slow answer from a busy instance does not take it out).',
    '    option httpchk GET /readyz',
    '    http-check expect status 200',
    '    default-server check inter 2s fall 2 rise 2',
    ...p.instances.map((address, i) => `    server ${names[i]!} ${address}`),
    '',
  ].join('\n');
}
