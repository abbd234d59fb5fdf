using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Data;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>The core operations that write rows, with the columns the platform sets itself.</summary>
internal static class RecordWrites
{
    /// <summary>The record id of a Target: its Id, else its primary key column.</summary>
    public static Guid IdOf(XrmEmulator emulator, Entity target) =>
        target.Id != Guid.Empty ? target.Id
        : target.Attributes.TryGetValue(emulator.PrimaryKeyOf(target.LogicalName), out var key) && key is Guid id ? id
        : Guid.Empty;

    public static void RequireTable(Entity? target, string message)
    {
        if (target == null) throw Fault.InvalidArgument($"{message} requires a Target entity.");
        if (string.IsNullOrWhiteSpace(target.LogicalName)) throw Fault.InvalidArgument($"The Target of {message} has no LogicalName.");
    }

    /// <summary>Inserts the item's Target with createdon/by, modifiedon/by, ownerid and state defaults; returns the id.</summary>
    public static Guid Insert(XrmEmulator emulator, Operation operation, OperationItem item)
    {
        var target = item.Target!;
        var table = target.LogicalName;
        var id = IdOf(emulator, target);
        if (id == Guid.Empty) id = RecordIds.Next();
        if (emulator.Store.Exists(table, id)) throw Fault.Duplicate(table, id);

        var metadata = emulator.Metadata.Require(table);
        if (!operation.Origin.IsPlatformOperation)
        {
            AccessCheck.RequirePrivilege(emulator, operation.Origin.UserId, table, AccessRight.Create);
            AccessCheck.RequireColumnWrites(emulator, operation.Origin.UserId, target, create: true);
        }

        var row = new Entity(table, id);
        foreach (var pair in target.Attributes) row.Attributes[pair.Key] = WriteValidation.Check(metadata, pair.Key, pair.Value, emulator.Store);
        var user = new EntityReference("systemuser", operation.Origin.UserId);
        row[emulator.PrimaryKeyOf(table)] = id;
        row["createdon"] = operation.CreatedOn;
        row["modifiedon"] = operation.CreatedOn;
        row["createdby"] = user;
        row["modifiedby"] = user;
        if (!Has(row, "ownerid") && metadata.HasColumn("ownerid")) row["ownerid"] = user;
        if (metadata.HasColumn("ownerid"))
        {
            foreach (var pair in Ownership.ColumnsFor(emulator, row.GetAttributeValue<EntityReference>("ownerid"))) row[pair.Key] = pair.Value;
        }
        if (metadata.HasColumn("statecode")) StateRules.OnInsert(emulator, operation, row);
        if (table == FieldShares.Table) FieldShares.CheckCreate(emulator, operation.Origin.UserId, row);

        emulator.Store.Insert(row);
        item.Id = id;
        target.Id = id; // post-operation steps see the new id on the Target too
        return id;
    }

    /// <summary>Applies the item's Target to the stored row and stamps modifiedon/modifiedby.</summary>
    public static void Update(XrmEmulator emulator, Operation operation, OperationItem item)
    {
        var target = item.Target!;
        var table = operation.Table;
        var stored = emulator.Store.Find(table, item.Id) ?? throw Fault.DoesNotExist(table, item.Id);

        var metadata = emulator.Metadata.Require(table);
        if (!operation.Origin.IsPlatformOperation)
        {
            AccessCheck.RequireAccess(emulator, operation.Origin.UserId, table, item.Id, AccessRight.Write);
            AccessCheck.RequireColumnWrites(emulator, operation.Origin.UserId, target, create: false);
        }

        var primaryKey = emulator.PrimaryKeyOf(table);
        var changes = new List<KeyValuePair<string, object?>>(target.Attributes.Count + 2);
        foreach (var pair in target.Attributes)
        {
            if (pair.Key != primaryKey) changes.Add(new KeyValuePair<string, object?>(pair.Key, WriteValidation.Check(metadata, pair.Key, pair.Value, emulator.Store)));
        }

        StateRules.OnUpdate(emulator, operation, stored, target, changes);
        if (table == FieldShares.Table) FieldShares.CheckUpdate(emulator, operation.Origin.UserId, stored, target);
        if (target.GetAttributeValue<EntityReference>("ownerid") is { } owner) changes.AddRange(Ownership.ColumnsFor(emulator, owner));
        changes.Add(new KeyValuePair<string, object?>("modifiedon", operation.CreatedOn));
        changes.Add(new KeyValuePair<string, object?>("modifiedby", new EntityReference("systemuser", operation.Origin.UserId)));
        emulator.Store.Apply(table, item.Id, changes);
    }

    /// <summary>The id of an existing record of an Update-like request, or the platform's Does Not Exist fault.</summary>
    public static Guid RequireExisting(XrmEmulator emulator, string table, Guid id, string message)
    {
        if (id == Guid.Empty) throw Fault.InvalidArgument($"{message} of {table} needs the record id (Target.Id or {emulator.PrimaryKeyOf(table)}).");
        if (!emulator.Store.Exists(table, id)) throw Fault.DoesNotExist(table, id);
        return id;
    }

    private static bool Has(Entity row, string column) => row.Attributes.TryGetValue(column, out var value) && value != null;
}
