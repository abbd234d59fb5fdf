using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;

namespace Xrm.Emulator.Tests.Data;

/// <summary>The store's rows as readers see them: columns, null versus absent, the undo journal and the indexes.</summary>
public class EntityStoreTests
{
    private readonly EntityStore _store = new();

    private static KeyValuePair<string, object?> Set(string column, object? value) => new(column, value);

    private Guid Insert(string name, params (string Column, object? Value)[] more)
    {
        var id = Guid.NewGuid();
        var row = new Entity("account", id) { ["accountid"] = id, ["name"] = name };
        foreach (var (column, value) in more) row[column] = value;
        _store.Insert(row);
        return id;
    }

    [Fact]
    public void A_column_set_to_null_is_present_with_null_and_a_column_never_set_is_absent()
    {
        var id = Insert("Contoso", ("telephone1", null));

        var row = _store.Find("account", id)!;

        row.TryGetValue("telephone1", out var phone).Should().BeTrue();
        phone.Should().BeNull();
        row.Contains("fax").Should().BeFalse();
        row.ToEntity().Attributes.Keys.Should().BeEquivalentTo("accountid", "name", "telephone1");
    }

    [Fact]
    public void Setting_a_column_to_null_keeps_it_and_rollback_gives_the_value_back()
    {
        var id = Insert("Contoso", ("telephone1", "555"));
        var savepoint = _store.Savepoint();

        _store.Apply("account", id, new[] { Set("telephone1", null) });
        _store.Find("account", id)!.TryGetValue("telephone1", out var cleared).Should().BeTrue();
        cleared.Should().BeNull();

        _store.RollbackTo(savepoint);
        _store.Find("account", id)!["telephone1"].Should().Be("555");
    }

    [Fact]
    public void Rollback_of_a_column_new_to_the_table_leaves_the_row_without_it()
    {
        var id = Insert("Contoso");
        var savepoint = _store.Savepoint();

        _store.Apply("account", id, new[] { Set("coach_icpscore", 72) });
        _store.Find("account", id)!["coach_icpscore"].Should().Be(72);
        _store.RollbackTo(savepoint);

        var row = _store.Find("account", id)!;
        row.Contains("coach_icpscore").Should().BeFalse();
        row.Columns.Select(c => c.Key).Should().BeEquivalentTo("accountid", "name");
        row.ToEntity().Contains("coach_icpscore").Should().BeFalse();
    }

    [Fact]
    public void A_column_added_to_a_table_after_rows_exist_is_absent_on_the_older_rows()
    {
        var older = Insert("Contoso");
        var newer = Insert("Fabrikam", ("industrycode", new OptionSetValue(7)));

        _store.Find("account", older)!.Contains("industrycode").Should().BeFalse();
        _store.Find("account", newer)!.GetAttributeValue<OptionSetValue>("industrycode")!.Value.Should().Be(7);

        _store.Apply("account", older, new[] { Set("industrycode", new OptionSetValue(3)) });

        _store.Find("account", older)!.GetAttributeValue<OptionSetValue>("industrycode")!.Value.Should().Be(3);
        _store.Lookup("account", "industrycode", new OptionSetValue(3)).Should().Equal(older);
        _store.Lookup("account", "industrycode", null).Should().BeEmpty();
    }

    [Fact]
    public void An_index_follows_updates_and_rollbacks()
    {
        var first = Insert("Contoso", ("statecode", new OptionSetValue(0)));
        var second = Insert("Fabrikam", ("statecode", new OptionSetValue(0)));
        _store.Lookup("account", "statecode", new OptionSetValue(0)).Should().BeEquivalentTo(new[] { first, second });
        var savepoint = _store.Savepoint();

        _store.Apply("account", first, new[] { Set("statecode", new OptionSetValue(1)) });
        _store.Delete("account", second);
        var third = Insert("Northwind", ("statecode", new OptionSetValue(1)));
        _store.Lookup("account", "statecode", new OptionSetValue(0)).Should().BeEmpty();
        _store.Lookup("account", "statecode", new OptionSetValue(1)).Should().BeEquivalentTo(new[] { first, third });

        _store.RollbackTo(savepoint);

        _store.Lookup("account", "statecode", new OptionSetValue(0)).Should().BeEquivalentTo(new[] { first, second });
        _store.Lookup("account", "statecode", new OptionSetValue(1)).Should().BeEmpty();
        _store.Find("account", third).Should().BeNull();
        _store.Find("account", second)!["name"].Should().Be("Fabrikam");
    }

    [Fact]
    public void An_index_built_after_a_rollback_sees_the_restored_values()
    {
        var id = Insert("Contoso", ("telephone1", "555"));
        var savepoint = _store.Savepoint();
        _store.Apply("account", id, new[] { Set("telephone1", "777"), Set("fax", "888") });

        _store.RollbackTo(savepoint);

        _store.Lookup("account", "telephone1", "555").Should().Equal(id);
        _store.Lookup("account", "telephone1", "777").Should().BeEmpty();
        _store.Lookup("account", "fax", "888").Should().BeEmpty();
        _store.Lookup("account", "fax", null).Should().Equal(id); // absent reads as null, as a condition sees it
    }

    [Fact]
    public void Readers_get_copies_that_do_not_change_the_stored_row()
    {
        var parent = new EntityReference("account", Guid.NewGuid());
        var id = Insert("Contoso", ("parentaccountid", parent), ("revenue", new Money(10m)));

        var copy = _store.Find("account", id)!.ToEntity();
        copy.GetAttributeValue<EntityReference>("parentaccountid")!.Id = Guid.NewGuid();
        copy.GetAttributeValue<Money>("revenue")!.Value = 99m;
        copy["name"] = "Changed";
        parent.Id = Guid.NewGuid(); // the inserted record's own value, changed after Insert

        var stored = _store.Find("account", id)!;
        stored.GetAttributeValue<EntityReference>("parentaccountid")!.Id.Should().NotBe(parent.Id).And.NotBe(copy.GetAttributeValue<EntityReference>("parentaccountid")!.Id);
        stored.GetAttributeValue<Money>("revenue")!.Value.Should().Be(10m);
        stored["name"].Should().Be("Contoso");
    }

    [Fact]
    public void An_index_key_keeps_its_ids_when_one_grows_to_many_and_back()
    {
        var owner = new EntityReference("systemuser", Guid.NewGuid());
        var first = Insert("Contoso", ("ownerid", owner));
        _store.Lookup("account", "ownerid", owner).Should().Equal(first);

        var second = Insert("Fabrikam", ("ownerid", owner));
        _store.Lookup("account", "ownerid", owner).Should().Equal(first, second);

        _store.Delete("account", first);
        _store.Lookup("account", "ownerid", owner).Should().Equal(second);
        _store.Delete("account", second);
        _store.Lookup("account", "ownerid", owner).Should().BeEmpty();
    }

    [Fact]
    public void The_primary_key_column_reads_as_the_row_id_in_the_row_its_copies_and_its_index()
    {
        var id = Insert("Contoso");
        var other = Guid.NewGuid();
        _store.Apply("account", id, new[] { Set("masterid", other) });

        var row = _store.Find("account", id)!;

        row["accountid"].Should().Be(id);
        row["masterid"].Should().Be(other);
        row.ToEntity()["accountid"].Should().Be(id);
        row.Columns.Should().Contain(new KeyValuePair<string, object?>("accountid", id));
        _store.Lookup("account", "accountid", id).Should().Equal(id);

        _store.Apply("account", id, new[] { Set("masterid", id) });
        _store.Lookup("account", "masterid", id).Should().Equal(id);
        _store.Lookup("account", "masterid", other).Should().BeEmpty();
    }

    [Fact]
    public void An_index_key_lists_its_ids_in_the_order_a_hash_set_gives_through_inserts_updates_and_deletes()
    {
        // Unordered query results come in index order: the compact sets must keep the order the HashSets gave.
        var random = new Random(13);
        var owners = Enumerable.Range(0, 4).Select(_ => new EntityReference("systemuser", Guid.NewGuid())).ToArray();
        var expected = new Dictionary<Guid, HashSet<Guid>>();
        var ownerOf = new Dictionary<Guid, Guid>();
        _store.Lookup("account", "ownerid", owners[0]); // the index exists from the start

        void Place(Guid row, Guid owner)
        {
            if (!expected.TryGetValue(owner, out var ids)) expected[owner] = ids = new HashSet<Guid>();
            ids.Add(row);
            ownerOf[row] = owner;
        }

        void Unplace(Guid row)
        {
            var ids = expected[ownerOf[row]];
            ids.Remove(row);
            if (ids.Count == 0) expected.Remove(ownerOf[row]);
            ownerOf.Remove(row);
        }

        for (var step = 0; step < 3000; step++)
        {
            var owner = owners[random.Next(owners.Length)];
            var action = ownerOf.Count < 3 ? 0 : random.Next(3);
            if (action == 0)
            {
                var id = Insert("Row " + step, ("ownerid", owner));
                Place(id, owner.Id);
            }
            else
            {
                var row = ownerOf.Keys.ElementAt(random.Next(ownerOf.Count));
                Unplace(row);
                if (action == 1)
                {
                    _store.Delete("account", row);
                }
                else
                {
                    _store.Apply("account", row, new[] { Set("ownerid", owner) });
                    Place(row, owner.Id);
                }
            }

            foreach (var candidate in owners)
            {
                var want = expected.TryGetValue(candidate.Id, out var ids) ? ids.ToList() : new List<Guid>();
                _store.Lookup("account", "ownerid", candidate).Should().Equal(want, $"after step {step}");
            }
        }
    }

    [Fact]
    public void A_copy_of_some_columns_keeps_the_table_order_and_leaves_nulls_out_only_when_asked()
    {
        var id = Insert("Contoso", ("telephone1", null), ("fax", "888"));
        var row = _store.Find("account", id)!;

        var retrieved = row.ToEntity(new[] { "fax", "telephone1", "name", "fax", "nosuchcolumn" }, alsoColumn: "accountid", withoutNulls: true);
        var image = row.ToEntity(new[] { "telephone1", "fax" });

        retrieved.Attributes.Keys.Should().Equal("accountid", "name", "fax");
        image.Attributes.Keys.Should().Equal("telephone1", "fax");
        image["telephone1"].Should().BeNull();
    }

    [Fact]
    public void Equal_texts_written_by_different_rows_are_kept_once()
    {
        var reasons = "Industry: Consulting is a target industry (+25) Employees: 49 is below the target range";
        var first = Insert("Contoso", ("description", new string(reasons.ToCharArray())));
        var second = Insert("Fabrikam");
        _store.Apply("account", second, new[] { Set("description", new string(reasons.ToCharArray())) });

        var one = _store.Find("account", first)!["description"];
        var other = _store.Find("account", second)!["description"];

        other.Should().Be(reasons);
        ReferenceEquals(one, other).Should().BeTrue();
    }

    [Fact]
    public void Equal_lookups_are_kept_once_and_a_lookup_keeps_its_own_name()
    {
        var owner = Guid.NewGuid();
        var first = Insert("Contoso", ("primarycontactid", new EntityReference("contact", owner) { Name = "Ana" }));
        var second = Insert("Fabrikam", ("primarycontactid", new EntityReference("contact", owner) { Name = "Ana" }));
        var renamed = Insert("Litware", ("primarycontactid", new EntityReference("contact", owner) { Name = "Ana Silva" }));
        var unnamed = Insert("Northwind", ("primarycontactid", new EntityReference("contact", owner)));

        EntityReference Contact(Guid account) => (EntityReference)_store.Find("account", account)!["primarycontactid"]!;

        ReferenceEquals(Contact(first), Contact(second)).Should().BeTrue();
        Contact(first).Name.Should().Be("Ana");
        Contact(renamed).Name.Should().Be("Ana Silva");
        Contact(unnamed).Name.Should().BeNull();
        Contact(unnamed).Id.Should().Be(owner);
    }

    [Fact]
    public void Long_texts_read_back_exactly_whatever_their_characters()
    {
        var ascii = new string('a', 600);
        var accented = "María José — Zürich " + new string('é', 600) + " \U0001F600";
        var loneSurrogate = new string('b', 600) + "\uD800" + "c";
        var id = Insert("Contoso", ("description", ascii), ("address1_composite", accented), ("fax", loneSurrogate));

        var row = _store.Find("account", id)!;

        row["description"].Should().Be(ascii);
        row["address1_composite"].Should().Be(accented);
        row["fax"].Should().Be(loneSurrogate);
        row.ToEntity()["address1_composite"].Should().Be(accented);
        _store.Lookup("account", "description", ascii).Should().Equal(id);
    }

    [Fact]
    public void Long_texts_that_differ_in_their_first_line_read_back_exactly()
    {
        // Generated descriptions: a first line naming the deal, then the same questions (with accents and an emoji).
        var questions = "\nThe buyer\n- Who signs, and what does María need to see? \U0001F600\n- Which risk would stop the deal at Zürich?\n";
        var texts = new[]
        {
            "Prepare for the session on Contoso: answer these questions." + questions,
            "Prepare for the session on Fabrikam: answer these questions." + questions,
            "Prepare for the session on Café Núñez: answer these questions." + questions,
            "Prepare for the session on Litware\uD800: answer these questions." + questions, // a lone surrogate in the first line
            "Prepare for the session on Northwind: answer these questions." + questions + "\uDC00", // and one at the end
            "Prepare for the session on Contoso: answer these questions." + questions.Replace("Zürich", "Zurich"),
        };
        var ids = texts.Select((text, i) => Insert("Account " + i, ("description", text))).ToList();

        ids.Select(id => _store.Find("account", id)!["description"]).Should().Equal(texts);
        _store.Find("account", ids[1])!.ToEntity()["description"].Should().Be(texts[1]);
        _store.Lookup("account", "description", texts[2]).Should().Equal(ids[2]);
    }
}
