// One gateway process and one browser serve every test; one test at a time keeps a 2-core machine honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
