import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CatalogDocument, LinkStatusDocument } from './generated/graphql';

/**
 * The smallest typed client: POST the document with the Bearer token, get the typed `data` back.
 * Apollo Client and urql take the same generated documents (`useQuery(CatalogDocument, …)`).
 */
export async function request<TData, TVariables>(
  endpoint: string,
  token: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (!body.data || body.errors?.length) {
    const [first] = body.errors ?? [];
    throw new Error(`${first?.extensions?.code ?? response.status}: ${first?.message ?? 'no data'}`);
  }
  return body.data;
}

/** The Prime page's first screen, typed end to end: `offeringPrime` is a number, `state` a LinkState. */
export async function primePageHeader(endpoint: string, token: string) {
  const [catalog, link] = await Promise.all([
    request(endpoint, token, CatalogDocument, { first: 5 }),
    request(endpoint, token, LinkStatusDocument, {}),
  ]);
  return {
    offeringPrime: catalog.catalogSummary.offeringPrimeCount,
    firstSkus: catalog.catalogProducts.nodes.map((product) => product.sku),
    linkState: link.sellerCentralLink?.state ?? null,
    lastChange: link.sellerCentralLink?.timeline.nodes.at(-1)?.occurredAt ?? null,
  };
}
