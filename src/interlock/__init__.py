"""Interlock: the working platform of the UN–regional organizations partnership (A/60/341–S/2005/567)."""
