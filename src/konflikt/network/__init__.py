"""konflikt.network"""
