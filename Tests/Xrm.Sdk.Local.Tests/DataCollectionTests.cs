using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Xrm.Sdk.Local.Tests;

/// <summary>
/// The dictionary-shaped collections (Attributes, InputParameters, images) behave as the real SDK's, which keeps them
/// in a Dictionary: the stand-in keeps small ones in an array, so these tests hold it to a dictionary's answers.
/// </summary>
public class DataCollectionTests
{
    [Fact]
    public void Random_writes_leave_the_same_entries_in_the_same_order_as_a_dictionary()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 300; round++)
        {
            var attributes = new AttributeCollection();
            var expected = new Dictionary<string, object>();
            // Small key spaces stay in the array; larger ones cross into the dictionary part way through.
            var keys = random.Next(2, 20);
            for (var step = 0; step < 40; step++)
            {
                var key = "column" + random.Next(keys);
                switch (random.Next(4))
                {
                    case 0:
                        attributes[key] = step;
                        expected[key] = step;
                        break;
                    case 1 when !expected.ContainsKey(key):
                        attributes.Add(key, step);
                        expected.Add(key, step);
                        break;
                    case 2:
                        attributes.Remove(key).Should().Be(expected.Remove(key));
                        // A dictionary refills a removed slot first; leave order checks to the add-only rounds below.
                        break;
                    default:
                        attributes.TryGetValue(key, out var value).Should().Be(expected.TryGetValue(key, out var wanted));
                        value.Should().Be(wanted);
                        break;
                }

                attributes.Count.Should().Be(expected.Count);
                attributes.Should().BeEquivalentTo(expected);
                attributes.Keys.Should().BeEquivalentTo(expected.Keys);
            }
        }
    }

    [Fact]
    public void Entries_enumerate_in_the_order_they_were_added_below_and_above_eight()
    {
        foreach (var count in new[] { 3, 8, 9, 40 })
        {
            var names = Enumerable.Range(0, count).Select(i => "c" + (count - i)).ToList();
            var attributes = new AttributeCollection();
            foreach (var name in names) attributes[name] = name.Length;

            attributes.Select(pair => pair.Key).Should().Equal(names);
            attributes.Keys.Should().Equal(names);
            attributes.Values.Should().Equal(names.Select(n => (object)n.Length));
            var copied = new KeyValuePair<string, object>[count + 1];
            attributes.CopyTo(copied, 1);
            copied.Skip(1).Select(pair => pair.Key).Should().Equal(names);
        }
    }

    [Fact]
    public void Adding_a_key_twice_and_reading_a_missing_one_fail_as_a_dictionary_does()
    {
        var attributes = new AttributeCollection { ["name"] = "Contoso" };

        FluentActions.Invoking(() => attributes.Add("name", "Fabrikam")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => attributes["missing"]).Should().Throw<KeyNotFoundException>().WithMessage("*'missing'*");
        FluentActions.Invoking(() => attributes[null!] = 1).Should().Throw<ArgumentNullException>();
        attributes["name"].Should().Be("Contoso");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void Changing_a_value_while_enumerating_is_allowed_adding_a_key_is_not(int count)
    {
        var attributes = new AttributeCollection();
        for (var i = 0; i < count; i++) attributes["c" + i] = i;

        foreach (var pair in attributes) attributes[pair.Key] = (int)pair.Value * 2;
        attributes["c1"].Should().Be(2);

        FluentActions.Invoking(() =>
        {
            foreach (var pair in attributes) attributes[pair.Key + "x"] = 0;
        }).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Keys_is_a_live_read_only_view()
    {
        var attributes = new AttributeCollection { ["name"] = "Contoso" };
        var keys = attributes.Keys;

        attributes["revenue"] = new Money(1m);

        keys.Should().Equal("name", "revenue");
        keys.Contains("revenue").Should().BeTrue();
        FluentActions.Invoking(() => keys.Add("x")).Should().Throw<NotSupportedException>();
    }
}
