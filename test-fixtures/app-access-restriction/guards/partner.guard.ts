import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';

const PARTNER_CLIENT_IDS = ['acme-portal', 'acme-mobile'];
const INTERNAL_TOOL_CLIENTS = ['acme-reporting', 'acme-ops'];
const REVOKED_CLIENT_IDS = ['leaky-app-2024'];

@Injectable()
export class PartnerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const clientId: string = request.user?.client_id;
    // ruleid: app-access-restriction
    return PARTNER_CLIENT_IDS.includes(clientId);
  }
}

// Applied only to the internal reporting console (see tools.controller.ts).
@Injectable()
export class ToolsGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    // ok: app-access-restriction
    return INTERNAL_TOOL_CLIENTS.includes(request.user?.client_id);
  }
}

// Clients revoked after a key leak (security incident SEC-2024-17).
@Injectable()
export class RevokedClientGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    // ok: app-access-restriction
    return !REVOKED_CLIENT_IDS.includes(request.user?.client_id);
  }
}
