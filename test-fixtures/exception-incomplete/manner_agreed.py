"""Manner (171.301(a)): the requestor agreed to the manner fulfilled; the agreement is then a condition."""
from flask import Flask, jsonify

from .delivery import fax_gateway, audit_log

app = Flask(__name__)

OUTSIDE_PROVIDER_CHANNELS = ["fax"]


@app.post("/roi/microfilm/<request_id>/release")
def release_microfilm(request_id):
    audit_log.record(event="ehi-exception", rule="fax-only-manner", request=request_id)
    # Agreed with the requestor, and the record says where: documented.
    # ehi-exception: manner
    #   reason: Pre-1998 charts exist only on microfilm; the requesting clinic was offered Direct and chose fax
    #   requested: Direct secure message
    #   alternative: agreed-with-requestor
    #   agreement: Request ROI-88412 notes, signed by the requesting clinic on 2026-11-02
    #   owner: him-department
    #   review-by: 2027-06-30
    return jsonify(fax_gateway.send(request_id, OUTSIDE_PROVIDER_CHANNELS))


@app.post("/roi/archive/<request_id>/release")
def release_archive(request_id):
    audit_log.record(event="ehi-exception", rule="fax-only-manner", request=request_id)
    # "Agreed" without saying where the agreement is recorded documents nothing yet.
    # ruleid: exception-incomplete
    # ehi-exception: manner
    #   reason: Archive charts exist only on microfilm; the requesting clinic was offered Direct and chose fax
    #   requested: Direct secure message
    #   alternative: agreed-with-requestor
    #   owner: him-department
    #   review-by: 2027-06-30
    return jsonify(fax_gateway.send(request_id, OUTSIDE_PROVIDER_CHANNELS))  # ruleid: fax-only-manner
