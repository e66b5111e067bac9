"""konflikt.events"""
