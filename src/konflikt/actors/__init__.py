"""konflikt.actors"""
