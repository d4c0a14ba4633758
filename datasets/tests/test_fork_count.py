from datasets.models import Dataset
from datasets.services import dataset_delete, dataset_fork


def test_deleting_a_fork_decrements_the_source_forks_count(make_dataset, bob):
    source = make_dataset()
    fork = dataset_fork(source=source, user=bob)
    assert Dataset.objects.get(pk=source.pk).forks_count == 1
    dataset_delete(dataset=fork)
    assert Dataset.objects.get(pk=source.pk).forks_count == 0


def test_deleting_a_non_fork_changes_no_count(make_dataset, bob):
    source = make_dataset()
    other = make_dataset("json")
    dataset_fork(source=source, user=bob)
    dataset_delete(dataset=other)
    assert Dataset.objects.get(pk=source.pk).forks_count == 1
