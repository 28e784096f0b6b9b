using Acteon.Bench.Rules;
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RuleEvaluationBenchmark).Assembly).Run(args);
