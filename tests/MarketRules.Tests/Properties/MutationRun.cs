// Under Stryker (eng/mutation.sh builds the tests with MutationRun=true) the tests run one at a time. Stryker learns
// which tests reach a mutant from the mutants hit between one test's start and end; xUnit runs test classes side by
// side, so a mutant reached by one class's test was credited to whichever test of another class was running then, and
// Stryker ran it only against that test, where it survived. In a normal run the tests stay parallel.
#if MUTATION_RUN
[assembly: CollectionBehavior(DisableTestParallelization = true)]
#endif
