import type { ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

/**
 * `ServerFeatures.GetSupportedMethods`, listed as the server's `ServerFeatures.cs` lists them (service
 * and method names in lower case, with the features it attaches). The client appends through
 * `BatchAppend` once this lists it.
 */
export function supportedMethodsHandler(version: string) {
  const methods: [string, string, string[]][] = [
    ['event_store.client.streams.streams', 'read', ['position', 'events']],
    ['event_store.client.streams.streams', 'append', []],
    ['event_store.client.streams.streams', 'batchappend', ['deadline_duration']],
    ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
  ];
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    const supported = new SupportedMethods();
    supported.setEventStoreServerVersion(version);
    for (const [service, name, features] of methods) {
      const method = new SupportedMethod();
      method.setServiceName(service);
      method.setMethodName(name);
      method.setFeaturesList(features);
      supported.addMethods(method);
    }
    callback(null, supported);
  };
}
