async def get_current_user():
    return {"id": "u1"}
