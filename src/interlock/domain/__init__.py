"""The rules at the heart of the mechanism, in plain Python: no Django import, no database.

Each module is tested in milliseconds and is the single place its rule is written.
"""
