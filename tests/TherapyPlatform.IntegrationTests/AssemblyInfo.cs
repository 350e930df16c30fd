// Each collection starts a whole platform (servers and services) on the same two cores: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
