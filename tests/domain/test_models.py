"""The model's computed facts: vote results, days to answer, overdue questions, partial dates."""

from datetime import date

import pytest

from raadsdossier.domain.enums import VoteChoice, VoteResult
from raadsdossier.domain.models import Motion, Party, Person, Question, QuestionSet, Vote, VoteCast


def party_vote(*choices, recorded=None):
    vote = Vote(recorded_result=recorded)
    for name, choice, seats in choices:
        vote.choices.append(VoteCast(party=Party(name=name), choice=choice, seats=seats))
    return vote


def test_vote_with_more_seats_for_than_against_is_adopted():
    vote = party_vote(("GroenLinks", "for", 8), ("VVD", "against", 6), ("D66", "not_voting", 5))
    assert (vote.tally.for_, vote.tally.against, vote.tally.not_voting) == (8, 6, 5)
    assert vote.computed_result == VoteResult.ADOPTED


def test_vote_with_more_against_is_rejected_and_a_tie_is_not_adopted():
    assert party_vote(("A", "for", 5), ("B", "against", 6)).computed_result == VoteResult.REJECTED
    assert party_vote(("A", "for", 6), ("B", "against", 6)).computed_result == VoteResult.TIED


def test_roll_call_counts_one_vote_per_member():
    vote = Vote(kind="roll_call")
    for i, choice in enumerate(["for"] * 18 + ["against"] * 25):
        vote.choices.append(VoteCast(person=Person(name=f"lid {i}"), person_id=f"p{i}", choice=choice))
    assert (vote.tally.for_, vote.tally.against) == (18, 25)
    assert vote.result == VoteResult.REJECTED


def test_recorded_result_is_used_when_no_choices_are_known_and_contradiction_is_flagged():
    only_recorded = Vote(recorded_result=VoteResult.REJECTED)
    assert only_recorded.tally is None
    assert only_recorded.result == VoteResult.REJECTED
    assert not only_recorded.disagrees

    contradicting = party_vote(("A", "for", 10), ("B", "against", 2), recorded=VoteResult.REJECTED)
    assert contradicting.result == VoteResult.ADOPTED
    assert contradicting.disagrees


def test_motion_final_result_is_that_of_its_last_vote():
    motion = Motion(title="Stedenband beëindigen")
    motion.votes = [Vote(position=0, recorded_result="rejected"), Vote(position=1, recorded_result="rejected"),
                    Vote(position=2, recorded_result="adopted")]
    assert motion.final_result == VoteResult.ADOPTED


def test_days_to_answer_and_deadline():
    qs = QuestionSet(title="Vragen", submitted_on=date(2022, 6, 10), answered_on=date(2022, 7, 15),
                     answer_deadline_days=21)
    assert qs.days_to_answer == 35
    assert qs.deadline == date(2022, 7, 1)
    assert qs.answered_late
    assert not qs.is_overdue(date(2022, 8, 1))


def test_unanswered_set_is_overdue_only_after_its_deadline():
    qs = QuestionSet(title="Vragen", submitted_on=date(2024, 1, 1), answer_deadline_days=30)
    assert qs.days_to_answer is None
    assert not qs.is_overdue(date(2024, 1, 31))
    assert qs.is_overdue(date(2024, 2, 1))
    assert not QuestionSet(title="zonder termijn", submitted_on=date(2024, 1, 1)).is_overdue(date(2030, 1, 1))


def test_one_answer_can_cover_two_questions():
    qs = QuestionSet(title="Vragen")
    qs.questions = [Question(number=2, text="Twee?", answer="Antwoord op 2 en 3."),
                    Question(number=3, text="Drie?", answered_with=2)]
    assert qs.questions[1].effective_answer() == "Antwoord op 2 en 3."


@pytest.mark.parametrize("value", ["2021", "2021-07", "2021-07-05"])
def test_partial_dates_are_accepted(value):
    assert Motion(title="x", date=value).date == value


@pytest.mark.parametrize("value", ["juli 2021", "2021-13", "2021-02-30", "21-07-05"])
def test_malformed_dates_are_refused(value):
    with pytest.raises(ValueError):
        Motion(title="x", date=value)


def test_choice_enum_values_are_the_glossary_words():
    assert [c.value for c in VoteChoice] == ["for", "against", "not_voting"]


def test_party_choices_without_any_seats_give_no_computed_result():
    vote = party_vote(("CDA", "for", None), ("VVD", "against", None), recorded=VoteResult.ADOPTED)
    assert vote.tally is None and vote.computed_result is None
    assert vote.result == VoteResult.ADOPTED and not vote.disagrees
