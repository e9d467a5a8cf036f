import graphene
import strawberry
from graphql import GraphQLError

from .models import LabResult, Observation, Patient, load_patient


class Query(graphene.ObjectType):
    observations = graphene.List(Observation, patient_id=graphene.ID())
    clinic_hours = graphene.String()

    def resolve_observations(self, info, patient_id):
        patient = Patient.objects.get(pk=patient_id)
        if patient.is_confidential:
            # ruleid: undocumented-denial
            raise GraphQLError("Access denied")
        return patient.observations.all()

    def resolve_clinic_hours(self, info):
        if info.context.closed:
            # ok: undocumented-denial
            raise GraphQLError("Access denied")
        return "8-5"


class HideObservation(graphene.Mutation):
    class Arguments:
        observation_id = graphene.ID()

    ok = graphene.Boolean()

    def mutate(self, info, observation_id):
        observation = Observation.objects.get(pk=observation_id)
        if observation.sensitive:
            # ok: undocumented-denial
            raise GraphQLError("Access denied")
        observation.hide()
        return HideObservation(ok=True)


@strawberry.type
class RecordsQuery:
    @strawberry.field
    def lab_results(self, info, patient_id: str) -> list[LabResult]:
        patient = load_patient(patient_id)
        if patient.sensitive:
            # ruleid: undocumented-denial
            raise PermissionError("Access denied")
        return patient.lab_results

    @strawberry.field
    def encounters(self, info, patient_id: str) -> list[str]:
        if not info.context.user.has_perm("records.view_encounter"):
            # ok: undocumented-denial
            raise PermissionError("Access denied")
        return load_patient(patient_id).encounters
