import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every response serializer the routes declared, built or not yet (the contract test builds them all). */
    responseSerializers: { route: string; build(): void }[];
  }
}

type Serialize = (data: unknown) => string;

/**
 * Response serializers (fast-json-stringify, as Fastify builds them by default) built the first
 * time a route answers with a given status, not when the route is registered. The API declares
 * about 190 routes, each with several statuses and, for reads, a HEAD twin: building every
 * serializer up front was the largest part of the app's own start-up in a profile (about 0.7 s of
 * CPU for every API process and every test app), and one process answers with few of them. A
 * schema that cannot be built still fails a test, not a first request: the contract test builds
 * every one of them (`responseSerializers`).
 */
export const serializationPlugin = fp(
  async (app: FastifyInstance) => {
    const buildSerializer = SerializerSelector()();
    const serializers: FastifyInstance['responseSerializers'] = [];
    app.decorate('responseSerializers', serializers);
    app.setSerializerCompiler((route) => {
      let serialize: Serialize | undefined;
      const build = (): Serialize => (serialize ??= buildSerializer({ ...route, httpStatus: route.httpStatus ?? 'default' }));
      serializers.push({ route: `${route.method} ${route.url} ${route.httpStatus}`, build });
      return (data: unknown) => build()(data);
    });
  },
  { name: 'serialization' },
);
