namespace HelpPoint.Benchmarks.Scenarios;

/// <summary>One benchmark: a name for the command line, a sentence for <c>list</c>, and a run that prints its results and says whether it met its goal.</summary>
public interface IScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the scenario; returns true when it met its goal. <paramref name="args"/> are the arguments after the scenario name.</summary>
    Task<bool> RunAsync(ScenarioArgs args, TextWriter output, CancellationToken cancellationToken);
}
