// Each test runs a real broker and a real gateway process: one at a time keeps a 2-core machine honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
