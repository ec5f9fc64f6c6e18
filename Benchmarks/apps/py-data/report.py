"""Monthly sales report from a CSV file: totals per region and month, printed with tabulate."""
import csv
import sys
from collections import defaultdict

from dateutil import parser as dateparser
from tabulate import tabulate


def main(path):
    per_region = defaultdict(float)
    per_month = defaultdict(float)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            amount = float(row["amount"])
            month = dateparser.parse(row["date"]).strftime("%Y-%m")
            per_region[row["region"]] += amount
            per_month[month] += amount
    print(tabulate(sorted(per_region.items()), headers=["region", "total"], floatfmt=".2f"))
    print()
    print(tabulate(sorted(per_month.items()), headers=["month", "total"], floatfmt=".2f"))
    print(f"\nTOTAL {sum(per_region.values()):.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/sales.csv")
