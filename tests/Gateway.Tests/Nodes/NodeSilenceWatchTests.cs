using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition.Nodes;

namespace SmartVillage.Gateway.Tests.Nodes;

public sealed class NodeSilenceWatchTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_node_falling_silent_is_logged_once_naming_the_node()
    {
        var registry = new NodeRegistry([new NodeOptions { Id = "plot-7", Name = "Plot 7", ReportInterval = TimeSpan.FromMinutes(1) }], _time);
        var logger = new RecordingLogger();
        var watch = new NodeSilenceWatch(registry, _time, logger);
        registry.Accepted("plot-7", "lora", _time.GetUtcNow(), -80, 7, 3, null);
        watch.Check();

        _time.Advance(TimeSpan.FromMinutes(3));
        watch.Check();
        watch.Check();

        var line = Assert.Single(logger.Lines);
        Assert.Contains("Node plot-7 (Plot 7) is silent", line, StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger<NodeSilenceWatch>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
