using Acteon.Silo.Configuration;
using Xunit;

namespace Acteon.Silo.Tests.Configuration;

public sealed class StateMachinesSectionTests
{
    private const string Good = """
        [[state_machines]]
        name = "alert"
        initial_state = "open"
        states = ["open", "acknowledged", "resolved"]
        transitions = [
          { from = "open", to = "acknowledged", notify = true },
          { from = "acknowledged", to = "resolved" },
        ]
        timeouts = [{ in_state = "acknowledged", after_seconds = 300, transition_to = "open" }]
        """;

    [Fact]
    public void Parse_StateMachine_ReadsStatesTransitionsAndTimeouts()
    {
        var machine = Assert.Single(ConfigLoader.Parse(Good, "acteon.toml").StateMachines);

        Assert.Equal(("alert", "open"), (machine.Name, machine.InitialState));
        Assert.Equal(["open", "acknowledged", "resolved"], machine.States);
        Assert.True(machine.Find("open", "acknowledged")!.Notify);
        Assert.False(machine.Find("acknowledged", "resolved")!.Notify);
        Assert.Null(machine.Find("open", "resolved"));
        Assert.Equal(TimeSpan.FromSeconds(300), machine.TimeoutIn("acknowledged")!.After);
    }

    [Theory]
    [InlineData("{ from = \"open\", to = \"closed\" }", "acteon.toml:6: [transitions[0]] to: unknown state 'closed'")]
    [InlineData("{ from = \"open\", to = \"acknowledged\", notfiy = true }", "acteon.toml:6: [transitions[0]] notfiy: unknown key")]
    public void Parse_BadTransition_ErrorNamesFileLineAndKey(string transition, string expected)
    {
        var toml = $"""
            [[state_machines]]
            name = "alert"
            initial_state = "open"
            states = ["open", "acknowledged", "resolved"]
            transitions = [
              {transition},
            ]
            """;

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(toml, "acteon.toml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TimeoutInAStateNoTransitionReaches_IsAnError()
    {
        var toml = Good.Replace("in_state = \"acknowledged\"", "in_state = \"resolved\"", StringComparison.Ordinal)
            .Replace("{ from = \"acknowledged\", to = \"resolved\" },", "", StringComparison.Ordinal);

        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(toml, "acteon.toml"));

        Assert.StartsWith("acteon.toml:9: [timeouts[0]] in_state: 'resolved' is not reachable from initial_state 'open'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoMachinesWithOneName_IsAnErrorAtTheSecondName()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigLoader.Parse(Good + "\n" + Good, "acteon.toml"));

        Assert.StartsWith("acteon.toml:11: [state_machines] name: 'alert' is defined twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownInitialState_IsAnError()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigLoader.Parse(Good.Replace("initial_state = \"open\"", "initial_state = \"new\"", StringComparison.Ordinal), "acteon.toml"));

        Assert.StartsWith("acteon.toml:3: [state_machines[0]] initial_state: unknown state 'new'", error.Message, StringComparison.Ordinal);
    }
}
