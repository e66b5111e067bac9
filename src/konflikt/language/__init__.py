"""konflikt.language"""
