using System.Collections.Generic;

namespace Coaching.Plugins.Schema
{
    /// <summary>
    /// Labels of the standard account.industrycode choice (Dynamics 365 Sales, English). ICP settings name
    /// industries by these labels, so the settings read the same in every language of the UI.
    /// </summary>
    public static class AccountIndustries
    {
        private static readonly Dictionary<int, string> Labels = new Dictionary<int, string>
        {
            { 1, "Accounting" },
            { 2, "Agriculture and Non-petrol Natural Resource Extraction" },
            { 3, "Broadcasting Printing and Publishing" },
            { 4, "Brokers" },
            { 5, "Building Supply Retail" },
            { 6, "Business Services" },
            { 7, "Consulting" },
            { 8, "Consumer Services" },
            { 9, "Design, Direction and Creative Management" },
            { 10, "Distributors, Dispatchers and Processors" },
            { 11, "Doctor's Offices and Clinics" },
            { 12, "Durable Manufacturing" },
            { 13, "Eating and Drinking Places" },
            { 14, "Entertainment Retail" },
            { 15, "Equipment Rental and Leasing" },
            { 16, "Financial" },
            { 17, "Food and Tobacco Processing" },
            { 18, "Inbound Capital Intensive Processing" },
            { 19, "Inbound Repair and Services" },
            { 20, "Insurance" },
            { 21, "Legal Services" },
            { 22, "Non-Durable Merchandise Retail" },
            { 23, "Outbound Consumer Service" },
            { 24, "Petrochemical Extraction and Distribution" },
            { 25, "Service Retail" },
            { 26, "SIG Affiliations" },
            { 27, "Social Services" },
            { 28, "Special Outbound Trade Contractors" },
            { 29, "Specialty Realty" },
            { 30, "Transportation" },
            { 31, "Utility Creation and Distribution" },
            { 32, "Vehicle Retail" },
            { 33, "Wholesale" },
        };

        /// <summary>The label of an industrycode value; null when unset or not a standard value.</summary>
        public static string? LabelOf(int? code) =>
            code.HasValue && Labels.TryGetValue(code.Value, out var label) ? label : null;

        /// <summary>The industrycode value of a label (case-insensitive); null when no standard industry has it.</summary>
        public static int? CodeOf(string? label)
        {
            if (label == null) return null;
            foreach (var pair in Labels)
            {
                if (string.Equals(pair.Value, label.Trim(), System.StringComparison.OrdinalIgnoreCase)) return pair.Key;
            }

            return null;
        }
    }
}
