"""Scoring a quiz on the server. A question counts as right when the choices picked are exactly its right
choices: no partial credit, so guessing every box of a multiple-choice question earns nothing. The score is
the share of questions right, in whole per cent rounded down, compared with the course's pass mark."""

from dataclasses import dataclass

from training.blocks import QuestionKind
from training.errors import TrainingError


class AnswersInvalid(TrainingError):
    """Some questions are unanswered or name choices they do not have; `.errors` maps question id → error."""

    def __init__(self, errors: dict):
        super().__init__("answers_invalid")
        self.errors = errors


@dataclass
class Score:
    answers: dict  # {question id: [choice ids]}, only ids the quiz has
    results: dict  # {question id: right?}
    correct: int
    total: int

    @property
    def percent(self) -> int:
        """Whole per cent, rounded down: the score never claims more than was earned, so comparing it with
        the pass mark compares the share itself (2 of 3 is 66 %, short of a 67 % mark)."""
        return 100 * self.correct // self.total if self.total else 100


def quiz_questions(quiz) -> list:
    """[(question id, question value, {choice id: right?})] of a quiz block's value."""
    questions = []
    for question in quiz["questions"].bound_blocks:
        choices = {
            choice.id: bool(choice.value["correct"]) for choice in question.value["choices"].bound_blocks
        }
        questions.append((question.id, question.value, choices))
    return questions


def quiz_score(quiz, answers: dict) -> Score:
    """`answers` maps a question id to the list of choice ids picked, as the browser sent them."""
    errors, picked_by_question, results = {}, {}, {}
    for question_id, question, choices in quiz_questions(quiz):
        picked = answers.get(question_id) or []
        picked = [str(choice) for choice in (picked if isinstance(picked, list | tuple) else [picked])]
        if not picked:
            errors[question_id] = TrainingError("answer_missing", field=question_id)
        elif any(choice not in choices for choice in picked):
            errors[question_id] = TrainingError("answer_invalid", field=question_id)
        elif question["kind"] == QuestionKind.SINGLE and len(set(picked)) > 1:
            errors[question_id] = TrainingError("one_answer", field=question_id)
        else:
            picked_by_question[question_id] = sorted(set(picked))
            right = {choice for choice, correct in choices.items() if correct}
            results[question_id] = set(picked) == right
    if errors:
        raise AnswersInvalid(errors)
    return Score(
        answers=picked_by_question, results=results, correct=sum(results.values()), total=len(results)
    )
