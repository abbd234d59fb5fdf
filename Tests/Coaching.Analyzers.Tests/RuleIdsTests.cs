using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Coaching.Analyzers.Tests;

public class RuleIdsTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers = typeof(RuleIds).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    [Fact]
    public void The_ids_are_the_solution_checker_rule_names_as_identifiers()
    {
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(i => i).ToList();

        ids.Should().Equal("coach_plugin_stateless", "il_avoid_batch_plugin", "il_avoid_lock_plugin", "il_avoid_parallel_plugin", "il_avoid_specialized_update_ops", "il_specify_column");
        ids.Should().OnlyContain(id => SyntaxFacts.IsValidIdentifier(id), "the compiler refuses a diagnostic whose id is not an identifier");
        ids.Select(RuleIds.CheckerName).Should().Contain(new[] { "il-specify-column", "il-avoid-batch-plugin", "il-avoid-specialized-update-ops", "coach-plugin-stateless" });
    }

    [Fact]
    public void Every_rule_but_the_lock_and_the_unchanged_array_is_an_error()
    {
        var warnings = Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.DefaultSeverity != DiagnosticSeverity.Error).ToList();

        warnings.Select(d => d.Id).Should().BeEquivalentTo("il_avoid_lock_plugin", "coach_plugin_stateless");
        warnings.Single(d => d.Id == "coach_plugin_stateless").MessageFormat.ToString().Should().Contain("is an array");
    }
}
