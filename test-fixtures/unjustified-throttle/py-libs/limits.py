PATIENT_RATE = "10/minute"
