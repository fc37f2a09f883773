from training.models.pages import CoursePage, LessonPage, Level, ProgrammeIndexPage, Qualification
from training.models.records import Certificate, Enrolment, LessonProgress, QuizAttempt

__all__ = [
    "Certificate",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "Level",
    "ProgrammeIndexPage",
    "Qualification",
    "QuizAttempt",
]
