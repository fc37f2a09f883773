"""The clubs' part of a volunteer's data export and erasure (their declared crafts and the sessions they
led), registered with volunteers.services.privacy."""
