"""The gateway's phone-number API: only support staff may read a user's number."""

from __future__ import annotations

from flask import Flask, jsonify

from clover_gateway.auth import require_role
from clover_gateway.stores import users_table

app = Flask(__name__)


@app.get("/users/<user_id>/phone")
@require_role("support")
def phone_for_support(user_id: str):
    row = users_table().get(user_id)
    return jsonify({"phone": row["phone_number"]})


@app.get("/users/<user_id>/contact")
def contact(user_id: str):
    row = users_table().get(user_id)
    return jsonify({"phone": row["phone_number"]})  # auditkit-expect: gateway.authorization
