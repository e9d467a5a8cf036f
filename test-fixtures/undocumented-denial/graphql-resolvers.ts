import { AuthenticationError, ForbiddenError } from 'apollo-server-express';
import { GraphQLError } from 'graphql';
import { ForbiddenException } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Context } from './context';

export const resolvers = {
  Query: {
    observations: async (_parent: unknown, args: { patientId: string }, ctx: Context) => {
      const obs = await ctx.store.observations(args.patientId);
      if (obs.some((o) => o.meta?.security?.some((s) => s.code === 'R'))) {
        // ruleid: undocumented-denial
        throw new ForbiddenError('Access denied');
      }
      return obs;
    },
    clinicalNotes: async () => {
      // ruleid: undocumented-denial
      throw new GraphQLError('Notes are not available', { extensions: { code: 'FORBIDDEN' } });
    },
    medications: async (_parent: unknown, args: { patientId: string }, ctx: Context) => {
      // ok: undocumented-denial
      if (!ctx.user) throw new AuthenticationError('Sign in first');
      if (ctx.user.role !== 'clinician') {
        // ok: undocumented-denial
        throw new ForbiddenError('Clinicians only');
      }
      return ctx.store.medications(args.patientId);
    },
    featureFlags: async (_parent: unknown, _args: unknown, ctx: Context) => {
      if (ctx.flags.locked) {
        // ok: undocumented-denial
        throw new ForbiddenError('Locked');
      }
      return ctx.flags.all();
    },
  },
  Mutation: {
    updateAllergy: async (_parent: unknown, args: { id: string; sensitive: boolean }, ctx: Context) => {
      if (args.sensitive) {
        // ok: undocumented-denial
        throw new ForbiddenError('Sensitive allergies cannot be edited here');
      }
      return ctx.store.updateAllergy(args.id);
    },
  },
};

@Resolver('Patient')
export class PatientRecordResolver {
  constructor(private readonly store: Context['store']) {}

  @Query(() => [String])
  async labResults(@Args('patientId') patientId: string) {
    const patient = await this.store.patient(patientId);
    if (patient.isVip) {
      // ruleid: undocumented-denial
      throw new ForbiddenException('Access denied');
    }
    return this.store.labResults(patientId);
  }

  @Mutation(() => Boolean)
  async hideResult(@Args('id') id: string) {
    const result = await this.store.result(id);
    if (result.confidential) {
      // ok: undocumented-denial
      throw new ForbiddenException('Cannot change a confidential result');
    }
    return this.store.hide(id);
  }
}
