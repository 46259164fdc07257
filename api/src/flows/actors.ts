import type { Stores } from '../storage/stores';

export interface ActorRef {
  id: string;
  name: string;
}

/**
 * Turns stored author ids (a user's or an API token's) into `{id, name}` for responses, looking
 * each id up once per response. An author deleted since is reported as null.
 */
export function actorResolver(stores: Stores): (id: string | null) => Promise<ActorRef | null> {
  const cache = new Map<string, Promise<ActorRef | null>>();
  const lookup = async (id: string): Promise<ActorRef | null> => {
    const user = await stores.users.get(id);
    if (user) return { id: user.id, name: user.name };
    const token = await stores.tokens.get(id);
    return token ? { id: token.id, name: `API token "${token.name}"` } : null;
  };
  return (id) => {
    if (id === null) return Promise.resolve(null);
    let found = cache.get(id);
    if (!found) {
      found = lookup(id);
      cache.set(id, found);
    }
    return found;
  };
}
