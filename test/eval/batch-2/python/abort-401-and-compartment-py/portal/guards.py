from functools import wraps

from flask import abort, g, request

from .tokens import verify


def patient_compartment(view):
    @wraps(view)
    def wrapper(patient_id, *args, **kwargs):
        token = verify(request.headers.get("Authorization"))
        if token is None:
            abort(401)
        if token.patient != patient_id:
            abort(403)
        g.token = token
        return view(patient_id, *args, **kwargs)

    return wrapper
