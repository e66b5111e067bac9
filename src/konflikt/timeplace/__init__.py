"""konflikt.timeplace"""
