import {
  ArgumentsHost,
  CanActivate,
  Catch,
  Controller,
  Delete,
  ExceptionFilter,
  ExecutionContext,
  ForbiddenException,
  Get,
  Injectable,
  Param,
  Query,
  Req,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { ConsentMissingError, FhirStore } from '../fhir/fhir-store';

const V3_CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

@Controller('fhir/r4')
export class ObservationController {
  constructor(
    private readonly store: FhirStore,
    private readonly audit: AuditService,
  ) {}

  @Get('Observation/:id')
  async read(@Param('id') id: string) {
    const obs = await this.store.read('Observation', id);
    if (obs.category?.some((c) => c.coding?.some((coding) => coding.code === 'social-history'))) {
      // ruleid: undocumented-denial
      throw new ForbiddenException('This observation is not available');
    }
    return obs;
  }

  @Get('Observation')
  async search(@Query('patient') patient: string, @Req() req: Request) {
    const bundle = await this.store.search('Observation', { patient });
    const labelled = bundle.entry?.some((e) => e.resource?.meta?.security?.some((s) => s.system === V3_CONFIDENTIALITY && s.code === 'R'));
    if (labelled) {
      // ruleid: undocumented-denial
      throw new ForbiddenException({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] });
    }
    return bundle;
  }

  @Get('Condition')
  async conditions(@Query('patient') patient: string, @Req() req: Request & { auth: { patient: string; scopes: string[] } }) {
    // A patient app may read only its own compartment: access control, not a decision to withhold.
    if (patient !== req.auth.patient) {
      // ok: undocumented-denial
      throw new ForbiddenException('Token is not scoped to this patient');
    }
    return this.store.search('Condition', { patient });
  }

  @Get('Encounter')
  async encounters(@Query('patient') patient: string, @Req() req: Request & { user: { roles: string[] } }) {
    if (!req.user.roles.includes('clinician')) {
      // ok: undocumented-denial
      throw new ForbiddenException('Clinician role required');
    }
    return this.store.search('Encounter', { patient });
  }

  @Get('DocumentReference/:id')
  async document(@Param('id') id: string) {
    const doc = await this.store.read('DocumentReference', id);
    if (doc.meta?.security?.some((s) => s.code === 'PSY')) {
      this.audit.record({
        event: 'ehi-exception',
        rule: 'undocumented-denial',
        exception: 'preventing-harm',
        reason: 'Treating psychiatrist determined release is reasonably likely to endanger the patient',
      });
      // ok: undocumented-denial
      throw new ForbiddenException('Withheld after an individual clinical determination; you may request a review');
    }
    return doc;
  }
}

@Injectable()
export class SensitiveRecordGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    if (req.patient?.sensitivity === 'behavioral-health') {
      // ruleid: undocumented-denial
      throw new ForbiddenException();
    }
    return true;
  }
}

@Injectable()
export class PatientDelegateGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    const patientId = req.params.patientId;
    // A missing parameter is a malformed request, whatever status it is answered with.
    if (typeof patientId !== 'string' || !patientId) {
      // ok: undocumented-denial
      throw new ForbiddenException('Patient identity is required for delegated access');
    }
    return true;
  }
}

@Controller('admin/patients')
export class PatientAdminController {
  constructor(private readonly flags: { purgeEnabled: boolean }) {}

  @Delete(':id')
  purge(@Param('id') id: string) {
    // Administration, not access to EHI.
    if (!this.flags.purgeEnabled) {
      // ok: undocumented-denial
      throw new ForbiddenException('Purge is disabled');
    }
    return { purged: id };
  }
}

// Translates an error raised where the decision was made (and recorded).
@Catch(ConsentMissingError)
export class ConsentMissingFilter implements ExceptionFilter {
  catch(exception: ConsentMissingError, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    // ok: undocumented-denial
    res.status(403).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: exception.message }] });
  }
}
