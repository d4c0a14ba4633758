from spaces.models import Space
from spaces.services import space_delete, space_fork
from spaces.tests.conftest import make_space


def test_deleting_a_fork_decrements_the_source_forks_count(bell_space, bob):
    fork = space_fork(source=bell_space, user=bob)
    assert Space.objects.get(pk=bell_space.pk).forks_count == 1
    space_delete(space=fork)
    assert Space.objects.get(pk=bell_space.pk).forks_count == 0


def test_a_count_already_at_zero_stays_at_zero(bell_space, bob):
    fork = space_fork(source=bell_space, user=bob)
    Space.objects.filter(pk=bell_space.pk).update(forks_count=0)  # a count that drifted before this fix
    space_delete(space=fork)
    assert Space.objects.get(pk=bell_space.pk).forks_count == 0
    assert make_space(bob, "other").forks_count == 0
