from django.urls import path

from volunteers.views import card

# Mounted under accounts/ (the volunteer's own card) and under card/ (the public verification page).
account_urlpatterns = [
    path("card/", card.card, name="volunteer_card"),
    path("card.pdf", card.card_download, name="volunteer_card_pdf"),
]

public_urlpatterns = [
    path("<slug:token>/", card.card_verify, name="volunteer_card_verify"),
]
