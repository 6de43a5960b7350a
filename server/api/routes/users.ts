// Users (protocol.md §4.1): GET /users/{id} and /users/search as RDF/XML in the ontology's sp:User
// shape. The reference shadowed /users/search behind /users/{id}; here search works, with both
// the snake_case parameters the clients send and the camelCase ones the reference read.
import type Router from '@koa/router';
import { apiBase, type Services } from '../../services.js';
import type { AccountRow } from '../../store/schema.js';
import { mayReadContainer } from '../access.js';
import { standaloneXml } from '../graph.js';
import { authenticate, principalOf, queryParams, send } from '../http.js';
import { NodeWriter } from '../rdf/node-writer.js';
import { literal } from '../rdf/xml.js';

function userXml(api: string, account: AccountRow) {
  return new NodeWriter()
    .raw(`<v:n><v:Name>${literal('v:given-name', account.givenName)}${literal('v:family-name', account.familyName)}</v:Name></v:n>`)
    .lit('v:email', account.email)
    .lit('sp:role', account.role)
    .lit('sp:department', account.department)
    .statement('sp:User', `${api}/users/${account.email}`);
}

export function userRoutes(router: Router, services: Services): void {
  const auth = authenticate(services);
  const api = apiBase(services.config);

  router.get('/users/search', auth, (ctx) => {
    mayReadContainer(principalOf(ctx));
    const query = queryParams(ctx);
    const wanted = (...names: string[]) => names.map((n) => query.get(n)).find((v) => v !== null && v !== '')?.toLowerCase();
    const filters: [keyof AccountRow, string | undefined][] = [
      ['givenName', wanted('given_name', 'givenName')],
      ['familyName', wanted('family_name', 'familyName')],
      ['department', wanted('department')],
      ['role', wanted('role')],
    ];
    const users = services.store
      .listAccounts()
      .filter((a) => filters.every(([key, value]) => value === undefined || String(a[key]).toLowerCase().includes(value)))
      .sort((a, b) => a.email.localeCompare(b.email));
    send(ctx, 200, 'application/rdf+xml', standaloneXml(users.map((u) => userXml(api, u))));
  });

  router.get('/users/:user_id', auth, (ctx) => {
    mayReadContainer(principalOf(ctx));
    const account = services.store.findAccount(ctx.params.user_id!);
    // Unknown users are a 404 with an empty body, as in the reference.
    if (!account) return send(ctx, 404, 'text/plain', '');
    send(ctx, 200, 'application/rdf+xml', standaloneXml([userXml(api, account)]));
  });
}
