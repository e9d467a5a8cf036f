OAUTH2_PROVIDER = {
    "SCOPES": {
        "openid": "OpenID Connect",
        "launch/patient": "Patient context at launch",
        "patient/*.read": "Read your health records",
        "offline_access": "Stay connected",
    },
    "PKCE_REQUIRED": True,
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    "REFRESH_TOKEN_EXPIRE_SECONDS": 14 * 24 * 3600,
}
