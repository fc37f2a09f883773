from django.urls import path

from training.views import certificates, learning

app_name = "training"
urlpatterns = [
    path("training/courses/<int:course_id>/enrol/", learning.enrol, name="enrol"),
    path("training/courses/<int:course_id>/renew/", learning.renew, name="renew"),
    path("training/lessons/<int:lesson_id>/read/", learning.lesson_read, name="lesson_read"),
    path("training/lessons/<int:lesson_id>/quiz/<str:quiz_id>/", learning.quiz_submit, name="quiz_submit"),
    path("training/my/", certificates.my_learning, name="my_learning"),
    path("training/my/certificates/<str:code>.pdf", certificates.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:code>/", certificates.certificate_verify, name="certificate_verify"),
]
