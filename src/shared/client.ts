import {
  contract,
  type Contract,
  type InputOf,
  type NamespaceName,
  type OperationName,
  type OutputOf,
} from './contract';

/** Carries one call to the main process; IPC and HTTP each provide one. */
export type Invoke = (operation: OperationName, input: unknown) => Promise<unknown>;

type Call<Name> = Name extends OperationName ? (input: InputOf<Name>) => Promise<OutputOf<Name>> : never;

type OperationsOf<N extends NamespaceName> = { [O in keyof Contract[N] & string]: Call<`${N}.${O}`> };

/** `client.settings.update({ storeName })`: typed from the contract, no names by hand. */
export type Client = { [N in NamespaceName]: OperationsOf<N> };

export function createClient(invoke: Invoke): Client {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [namespace, operations] of Object.entries(contract)) {
    client[namespace] = {};
    for (const name of Object.keys(operations)) {
      client[namespace][name] = (input) => invoke(`${namespace}.${name}` as OperationName, input);
    }
  }
  return client as Client;
}
